package com.eceops.runbook.operations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that changes a server, the directory or a database. A plan run records what such an operation
 * would send and never sends it; every operation without the mark is a read, answered by the lab in a plan run.
 * Declared on the interface, so that a new operation says what it is where it is written, not in a list elsewhere.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ChangesEstate {
}
