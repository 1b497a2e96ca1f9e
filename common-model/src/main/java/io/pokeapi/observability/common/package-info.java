/** Contracts, models and the drift engine shared by every pokeapi-observability service. */
package io.pokeapi.observability.common;
