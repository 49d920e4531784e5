package dev.corescope.experiment;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import java.util.List;

/**
 * The result of a run, one type per command family: {@link InvestigateResult}, {@link LevelRunResult}
 * (sweep, rounds, run), {@link AssessResult}, {@link TransferResult}, {@link JmhResult}, and {@link RebuiltResult}
 * for a run killed before it wrote one. {@code summary.json} is its Jackson serialization, and reading the file
 * back gives the same type: the family follows from the {@code command} field. Transfer summaries
 * written before this type had no {@code command}; a summary without one is a transfer's.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "command",
        visible = true, defaultImpl = TransferResult.class)
@JsonTypeIdResolver(RunResult.Family.class)
public sealed interface RunResult permits InvestigateResult, LevelRunResult, AssessResult, TransferResult, RebuiltResult,
        JmhResult {
    RunInfo run();

    Remarks remarks();

    /** Version, run directory, machine profile, load before and after; null when the run did not record them. */
    Metadata metadata();

    /**
     * The plain-language conclusions of the run, in order, as the console prints them and the HTML report
     * shows them: e.g. the threshold, the knee and the USL fit, then the explanation.
     */
    List<String> findings();

    /** The run's {@code summary.csv}. */
    String csv();

    /** The same result with other remarks (e.g. more warnings). */
    RunResult withRemarks(Remarks remarks);

    default boolean complete() {
        return run().complete();
    }

    default int failures() {
        return remarks().failures();
    }

    default List<String> warnings() {
        return remarks().warnings();
    }

    /** The Jackson type of a {@code command}: every command has a family; an unknown one is a level run. */
    final class Family extends TypeIdResolverBase {
        @Override
        public String idFromValue(Object value) {
            return ((RunResult) value).run().command();
        }

        @Override
        public String idFromValueAndType(Object value, Class<?> suggestedType) {
            return idFromValue(value);
        }

        @Override
        public JavaType typeFromId(DatabindContext context, String id) {
            Class<? extends RunResult> type = switch (id == null ? "" : id) {
                case InvestigateExperiment.NAME -> InvestigateResult.class;
                case AssessExperiment.ASSESS -> AssessResult.class;
                case TransferExperiment.NAME -> TransferResult.class;
                case JmhResult.NAME -> JmhResult.class;
                default -> LevelRunResult.class;
            };
            return context.constructType(type);
        }

        @Override
        public JsonTypeInfo.Id getMechanism() {
            return JsonTypeInfo.Id.CUSTOM;
        }
    }
}
