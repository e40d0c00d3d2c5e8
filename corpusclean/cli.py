def main() -> None:  # replaced by the typer app
    raise SystemExit("corpusclean: not built yet")
