package org.capacityhub.planning;

/** How an activity is delivered. */
public enum DeliveryMode {
    ONLINE, IN_PERSON, BLENDED
}
