package dev.greenlight.preflight;

import dev.greenlight.run.GreenlightExtension;
import dev.greenlight.run.RunContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.function.Supplier;

/**
 * Gives preflight tests the run's {@link ApplicationRepository}, located (or made, for a scratch repository) once per run
 * in the root store. A failure to locate it is kept too, so every test that needs it ends the same way.
 */
public final class PreflightExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PreflightExtension.class);

    /** The outcome of locating the repository: it, or why not. */
    private record Located(ApplicationRepository repository, RuntimeException failure) implements Supplier<ApplicationRepository> {
        @Override
        public ApplicationRepository get() {
            if (failure != null) {
                throw failure;
            }
            return repository;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == ApplicationRepository.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        RunContext run = GreenlightExtension.run(extension);
        return extension.getRoot().getStore(NAMESPACE).computeIfAbsent(Located.class, key -> {
            try {
                return new Located(ApplicationRepository.locate(run.config(),
                        run.settings().reportsDir().resolve("preflight").resolve(run.runId()), run.masker(), run.sourceOf("preflight.repo")), null);
            } catch (RuntimeException e) {
                return new Located(null, e);
            }
        }, Located.class).get();
    }
}
