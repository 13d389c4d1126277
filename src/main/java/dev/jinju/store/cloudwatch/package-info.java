/**
 * The CloudWatch Logs store (SPEC §3, §5; issue #6).
 *
 * <ul>
 * <li>{@link dev.jinju.store.cloudwatch.CloudWatchLogStore}: the {@code LogStore}; plain constructor (client,
 * {@link dev.jinju.store.cloudwatch.CloudWatchSettings}, {@link dev.jinju.store.cloudwatch.LambdaMapping}), so tests
 * and the store contract test can build and subclass it without CDI.</li>
 * <li>{@link dev.jinju.store.cloudwatch.CloudWatchClientProducer}: CDI wiring. The async client (Netty, default
 * credential chain, {@code jinju.cloudwatch.region} / {@code endpoint-override}) and the store are
 * {@code @ApplicationScoped}, so nothing touches AWS until first use; {@code dev.jinju.store.StoreProducer}
 * offers it as the {@code LogStore} when {@code jinju.store=cloudwatch}.</li>
 * <li>{@link dev.jinju.store.cloudwatch.CloudWatchWriter} and {@link dev.jinju.store.cloudwatch.PutBatches}:
 * group commit per stream, PutLogEvents limits, retries, per-event rejections.</li>
 * <li>{@link dev.jinju.store.cloudwatch.EventMessages}: one event = one JSON message, every field.</li>
 * <li>{@link dev.jinju.store.cloudwatch.FilterPatternCompiler} and
 * {@link dev.jinju.store.cloudwatch.InsightsQueryCompiler}: query tree to filter pattern / Insights query, both
 * supersets of the query; the evaluator decides on what comes back.</li>
 * <li>{@link dev.jinju.store.cloudwatch.LambdaLogParser}: Lambda's lines (plain runtime format, START/END/REPORT,
 * Lambda JSON, Powertools JSON) into events.</li>
 * </ul>
 */
package dev.jinju.store.cloudwatch;
