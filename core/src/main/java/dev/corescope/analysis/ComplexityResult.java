package dev.corescope.analysis;

import java.util.List;

/**
 * Result of {@link ComplexityFit#fit}.
 *
 * @param models         every model tried, in order O(1), O(log n), O(n), O(n log n), O(n^2), O(n^3), the power law
 *                       and the exponential (a model that is no growth model on these times has NaN parameters and
 *                       {@link ModelFit.Check#NONE})
 * @param best           the model chosen among those that fit; when none fits, the closest candidate (smallest
 *                       cross-validated error)
 * @param fits           false: no model fits ({@code best} is then only the closest)
 * @param powerExponent  k of the free log-log regression t = c · n^k over all sizes (also when k ≤ 0)
 * @param powerConstant  c of that regression
 * @param powerRSquared  its R²
 */
public record ComplexityResult(List<ModelFit> models, ModelFit best, boolean fits, double powerExponent,
                               double powerConstant, double powerRSquared) {

    public ComplexityResult {
        models = List.copyOf(models);
    }

    /** Seconds predicted by the best model at size n. */
    public double predict(double n) {
        return best.predict(n);
    }

    /** The model called {@code name}. */
    public ModelFit model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no model " + name));
    }
}
