package io.hybridmatch.engine.api;

import com.atlassian.oai.validator.report.ValidationReport;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** A request the OpenAPI contract refuses ({@link ContractRequestValidation}), with each offending field. */
class ContractViolationException extends RuntimeException {

    /** The schema validator writes the contract's limits as decimals ("maximum value of 1E+2"); clients read 100. */
    private static final Pattern SCIENTIFIC = Pattern.compile("\\b\\d+(\\.\\d+)?E[+-]?\\d+\\b");

    private final transient List<ProblemHandler.FieldError> errors;

    ContractViolationException(ValidationReport report) {
        this(report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(ContractViolationException::fieldError)
                .sorted(Comparator.comparing(ProblemHandler.FieldError::field))
                .toList());
    }

    private ContractViolationException(List<ProblemHandler.FieldError> errors) {
        super(String.join("; ", errors.stream().map(e -> (e.field().isEmpty() ? "" : e.field() + ": ") + e.message())
                .toList()));
        this.errors = errors;
    }

    List<ProblemHandler.FieldError> errors() {
        return errors;
    }

    /** The field as a dotted path ({@code filters.min_experience}), the validator's text without its own prefix. */
    private static ProblemHandler.FieldError fieldError(ValidationReport.Message message) {
        String pointer = message.getContext().flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getInstance).orElse("");
        String field = pointer.replaceFirst("^/", "").replace('/', '.');
        String text = message.getMessage().replaceFirst("^\\[Path '[^']*'] ", "");
        return new ProblemHandler.FieldError(field, SCIENTIFIC.matcher(text)
                .replaceAll(number -> new BigDecimal(number.group()).toPlainString()));
    }
}
