package dev.jinju.query;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/** Parses the times a query may name ({@code 2026-11-26}, {@code 2026-11-26T10:00[:00[.5]][Z|+09:00]}); no zone means UTC. */
public final class QueryTimes {

    /** What error messages show as accepted forms. */
    public static final String FORMS = "a time like 2026-11-26, 2026-11-26T10:00 or 2026-11-26T10:00:00.5+09:00";

    // One formatter with optional sections instead of trying several: a date, then optionally a time, whose
    // seconds, fraction and offset are optional in turn. STRICT so that 2026-02-30 is rejected, not clamped.
    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart()
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:mm", "Z")
            .optionalEnd()
            .optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private QueryTimes() {
    }

    /** The instant the text names, or empty when it is not one of the accepted forms. */
    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            TemporalAccessor t = FORMAT.parse(text.trim());
            LocalDate date = LocalDate.from(t);
            LocalTime time = t.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(t) : LocalTime.MIDNIGHT;
            ZoneOffset offset = t.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(t) : ZoneOffset.UTC;
            return Optional.of(date.atTime(time).toInstant(offset));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
