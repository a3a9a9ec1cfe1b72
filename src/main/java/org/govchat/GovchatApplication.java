package org.govchat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GovchatApplication {

    public static void main(String[] args) {
        SpringApplication.run(GovchatApplication.class, args);
    }
}
