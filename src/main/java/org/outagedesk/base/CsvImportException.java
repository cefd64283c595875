package org.outagedesk.base;

import java.util.List;

/** A CSV file was refused: every problem found, each with its line (the header is line 1), field and reason. */
public class CsvImportException extends DomainException {

    public record RowError(long line, String field, String message) {

        @Override
        public String toString() {
            return "line " + line + ", " + field + ": " + message;
        }
    }

    private final List<RowError> errors;

    public CsvImportException(String file, List<RowError> errors) {
        super(null, file + " was not imported: " + errors.size() + " problem(s), first: " + errors.getFirst(), false);
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }
}
