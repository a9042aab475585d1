package org.pmpledger.command.eventstore;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Orders Axon's JDBC and transaction auto-configuration after Spring Boot 4's DataSource and
 * transaction manager. Axon 4.13 names Boot 3's classes; without this Axon silently finds no
 * DataSource and no transaction manager and runs without transactions (STACK.md, trap 1).
 * {@code AxonWiringTest} guards it.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"
        },
        beforeName = {
            "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
            "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration"
        })
public class AxonAfterBoot4DataSource {}
