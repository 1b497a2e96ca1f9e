package io.pokeapi.observability.load.profile;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;

/**
 * One stage: the load (users, or requests/s) moves linearly from the previous level to {@code
 * target} over {@code duration}.
 */
public record Stage(
    @JsonDeserialize(using = DurationText.Reader.class)
        @JsonSerialize(using = DurationText.Writer.class)
        Duration duration,
    Double target) {}
