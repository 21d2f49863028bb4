package io.allice.platform.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.allice.platform.support.IntegrationTest;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class NoBytecodeProviderIntegrationTests {

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void hibernateWritesNoProxyClasses() {
        BytecodeProvider provider = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry()
                .requireService(BytecodeProvider.class);

        assertThat(provider).isInstanceOf(org.hibernate.bytecode.internal.none.BytecodeProviderImpl.class);
    }
}
