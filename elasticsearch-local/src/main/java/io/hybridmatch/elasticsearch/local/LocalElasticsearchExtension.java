package io.hybridmatch.elasticsearch.local;

import java.net.URI;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving tests the shared {@link TestElasticsearch}: annotate the class with
 * {@code @ExtendWith(LocalElasticsearchExtension.class)} and take a {@link URI} parameter (in a
 * constructor, a lifecycle method or a test method) to receive its URL.
 */
public final class LocalElasticsearchExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        // Fail at class level, once, rather than in every test.
        TestElasticsearch.url();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == URI.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return TestElasticsearch.url();
    }
}
