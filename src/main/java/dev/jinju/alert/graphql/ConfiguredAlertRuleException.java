package dev.jinju.alert.graphql;

import dev.jinju.graphql.errors.ApiException;
import io.smallrye.graphql.api.ErrorCode;

/** {@code CONFIGURED_ALERT_RULE}: the rule is defined in configuration and cannot be changed through the API. */
@ErrorCode("CONFIGURED_ALERT_RULE")
public class ConfiguredAlertRuleException extends ApiException {
    public ConfiguredAlertRuleException(String message, Integer position) {
        super(message, position);
    }
}
