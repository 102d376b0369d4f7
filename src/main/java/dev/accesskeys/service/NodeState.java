package dev.accesskeys.service;

/** What the service keeps for the whole node, owned by {@link AccessKeyServiceFactory}. */
record NodeState(SecretGenerator generator, LastUseRecorder lastUse, KeyThrottle.Counters throttle) {
}
