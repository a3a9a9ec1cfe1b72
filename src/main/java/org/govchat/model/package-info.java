/**
 * Local model backends: the registry built from configuration, the LangChain4j models per backend,
 * admission (concurrency + queue), failover, circuit breakers, the sovereignty allowlist and the split of
 * reasoning from the answer. Other modules use {@link org.govchat.model.ModelGateway}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Model backends")
package org.govchat.model;
