package io.pokeapi.observability.load.profile;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;

/** A closed-model user waits a uniformly random time in [min, max] between its requests. */
public record ThinkTime(
    @JsonDeserialize(using = DurationText.Reader.class)
        @JsonSerialize(using = DurationText.Writer.class)
        Duration min,
    @JsonDeserialize(using = DurationText.Reader.class)
        @JsonSerialize(using = DurationText.Writer.class)
        Duration max) {}
