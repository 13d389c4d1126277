package dev.jinju.alert.graphql;

import dev.jinju.graphql.errors.ApiException;
import io.smallrye.graphql.api.ErrorCode;

/** {@code BAD_ALERT_RULE}: the rule is not valid (the message says why). */
@ErrorCode("BAD_ALERT_RULE")
public class BadAlertRuleException extends ApiException {
    public BadAlertRuleException(String message, Integer position) {
        super(message, position);
    }
}
