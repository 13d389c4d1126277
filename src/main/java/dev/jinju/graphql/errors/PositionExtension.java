package dev.jinju.graphql.errors;

import io.smallrye.graphql.api.ErrorExtensionProvider;
import jakarta.json.Json;
import jakarta.json.JsonValue;

/** Adds {@code extensions.position} to query errors so the dashboard can point at the offending character. */
public class PositionExtension implements ErrorExtensionProvider {
    @Override
    public String getKey() {
        return "position";
    }

    @Override
    public JsonValue mapValueFrom(Throwable exception) {
        if (exception instanceof ApiException api && api.position() != null) {
            return Json.createValue(api.position());
        }
        return null;
    }
}
