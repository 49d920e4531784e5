package dev.corescope.workload.algo;

import dev.corescope.workload.BuiltIn;
import dev.corescope.api.Workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Entry point of the algorithm workloads: the sorts ({@code sort-*}), the matrix products
 * ({@code matmul-*}) and {@code transfer}.
 */
public final class Algorithms {

    private Algorithms() {
    }

    /** Hands every workload name with its factory (from string parameters) to {@code registry}. */
    public static void registerAll(BiConsumer<String, Function<Map<String, String>, Workload>> registry) {
        for (SortAlgorithm algorithm : SortAlgorithm.values()) {
            registry.accept(algorithm.workloadName(), params -> new SortWorkload(algorithm, params));
        }
        for (MatmulVariant variant : MatmulVariant.values()) {
            registry.accept(variant.workloadName(), params -> new MatmulWorkload(variant, params));
        }
        registry.accept(TransferWorkload.NAME, TransferWorkload::new);
    }

    /** What each workload of {@link #registerAll} declares (parameters, largest size, heap per task). */
    public static List<BuiltIn> builtIns() {
        List<BuiltIn> out = new ArrayList<>();
        for (SortAlgorithm algorithm : SortAlgorithm.values()) {
            out.add(SortWorkload.info(algorithm));
        }
        for (MatmulVariant variant : MatmulVariant.values()) {
            out.add(MatmulWorkload.info(variant));
        }
        out.add(TransferWorkload.info());
        return List.copyOf(out);
    }

    /** The names {@link #registerAll} registers, in registration order. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        registerAll((name, factory) -> names.add(name));
        return List.copyOf(names);
    }
}
