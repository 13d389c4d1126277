package dev.jinju.alert.graphql;

import dev.jinju.graphql.errors.ApiException;
import io.smallrye.graphql.api.ErrorCode;

/** {@code ALERT_RULE_EXISTS}: a rule of that name exists already. */
@ErrorCode("ALERT_RULE_EXISTS")
public class AlertRuleExistsException extends ApiException {
    public AlertRuleExistsException(String message, Integer position) {
        super(message, position);
    }
}
