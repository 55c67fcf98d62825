package im.tariff.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson set-up of the project: strict reading (duplicate keys, trailing tokens), exact decimals. */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public static final JsonFactory FACTORY = MAPPER.getFactory();

    private Json() {
    }

    static {
        MAPPER.getFactory().configure(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION, false);
    }
}
