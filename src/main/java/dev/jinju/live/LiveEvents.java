package dev.jinju.live;

import dev.jinju.event.LogEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Events just stored, for live tail: ingest publishes each acknowledged batch, subscribers see every event
 * stored after they subscribed. A slow subscriber drops what it cannot take instead of slowing ingest.
 */
@ApplicationScoped
public class LiveEvents {
    private final BroadcastProcessor<LogEvent> processor = BroadcastProcessor.create();

    public void publish(List<LogEvent> stored) {
        for (LogEvent e : stored) {
            processor.onNext(e);
        }
    }

    public Multi<LogEvent> stream() {
        return processor.onOverflow().drop();
    }
}
