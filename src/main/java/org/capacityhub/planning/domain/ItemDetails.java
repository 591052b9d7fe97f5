package org.capacityhub.planning.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.capacityhub.planning.DeliveryMode;

/** What the planner sets on an activity (custom or suggested). */
public record ItemDetails(String title, String url, String owner, Long ownerPersonId, LocalDate startsOn,
        LocalDate dueOn, Integer hours, BigDecimal costAmount, String costCurrency, DeliveryMode mode) {}
