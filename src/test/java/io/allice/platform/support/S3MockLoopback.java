package io.allice.platform.support;

import java.util.Collection;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Loaded inside the S3Mock process, not the tests: S3Mock 4.11 adds its plain-HTTP connector
 * without an address, so Tomcat would listen on every interface. This binds that connector to
 * 127.0.0.1. It uses reflection because S3Mock runs on Spring Boot 3, whose classes differ
 * from the Boot 4 classes the tests compile against.
 */
public class S3MockLoopback implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                bindAdditionalConnectorsToLoopback(bean);
                return bean;
            }
        });
    }

    private static void bindAdditionalConnectorsToLoopback(Object bean) {
        try {
            Object connectors = bean.getClass().getMethod("getAdditionalTomcatConnectors").invoke(bean);
            for (Object connector : (Collection<?>) connectors) {
                connector.getClass().getMethod("setProperty", String.class, String.class)
                        .invoke(connector, "address", "127.0.0.1");
            }
        } catch (NoSuchMethodException e) {
            // Not the web server factory.
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not bind S3Mock's HTTP connector to 127.0.0.1", e);
        }
    }
}
