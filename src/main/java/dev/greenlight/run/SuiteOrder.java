package dev.greenlight.run;

import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

import java.util.Comparator;
import java.util.List;

/**
 * Runs the suites in the order a deploy is checked: the preflight first (the checklist before anyone deploys), smoke (is
 * it up at all?), then migrations and data integrity (before any journey writes), critical paths, the upgrade-risk probes
 * (they switch the target's state: a database outage), the rollback drill, and the soak last. Classes of one
 * suite keep their name order; classes outside the suites come after, unchanged. Set as
 * {@code junit.jupiter.testclass.order.default}.
 */
public final class SuiteOrder implements ClassOrderer {

    private static final List<String> SUITES = List.of("preflight", "smoke", "migration", "critical", "probes", "rollback", "soak");

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(SuiteOrder::rank)
                .thenComparing(descriptor -> descriptor.getTestClass().getName()));
    }

    private static int rank(ClassDescriptor descriptor) {
        for (int i = 0; i < SUITES.size(); i++) {
            String tag = SUITES.get(i);
            if (descriptor.getTestClass().getName().contains(".acceptance." + tag + ".")) {
                return i;
            }
        }
        return SUITES.size();
    }
}
