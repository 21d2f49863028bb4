package io.allice.platform.shared.persistence;

import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.service.spi.ServiceContributor;

/**
 * The contributor that gives Hibernate its no-op bytecode provider in place of Byte Buddy. The
 * entities have no associations and no code requests a lazy reference, so the proxy classes that
 * Hibernate wrote for each entity at start-up were never used. Writing them took about 0.1 s of
 * the main thread's start-up time (from profiles). Hibernate finds this class through
 * META-INF/services.
 */
public final class NoBytecodeProvider implements ServiceContributor {

    @Override
    public void contribute(StandardServiceRegistryBuilder registry) {
        registry.addService(BytecodeProvider.class, new org.hibernate.bytecode.internal.none.BytecodeProviderImpl());
    }
}
