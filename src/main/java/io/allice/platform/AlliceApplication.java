package io.allice.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AlliceApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = ApplicationRestarter.start(AlliceApplication.class, args);
        if (TrainingRun.requested()) {
            TrainingRun.exerciseAndExit(context);
        }
    }
}
