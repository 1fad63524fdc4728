package com.eceops.runbook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The ECE HA runbook: the Camunda engine, its web applications and the procedure's processes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RunbookApplication {

    public static void main(String[] args) {
        SpringApplication.run(RunbookApplication.class, args);
    }
}
