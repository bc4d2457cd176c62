package dev.kpp.app.cli;

/** Output formats of the CLI. */
public enum OutputFormat {
    TABLE, JSON, CSV
}
