from corpusclean.cli import main

main()
