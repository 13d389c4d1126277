package dev.jinju.alert.graphql;

import dev.jinju.graphql.errors.ApiException;
import io.smallrye.graphql.api.ErrorCode;

/** {@code UNKNOWN_ALERT_RULE}: no rule of that name. */
@ErrorCode("UNKNOWN_ALERT_RULE")
public class UnknownAlertRuleException extends ApiException {
    public UnknownAlertRuleException(String message, Integer position) {
        super(message, position);
    }
}
