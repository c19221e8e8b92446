package dev.greenlight.soak.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.greenlight.soak.profile.MixEntry;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The request mix of a soak profile over HTTP: picks entries by weight, fills their placeholders (run tag,
 * sequence numbers, values from pools), and captures ids from answers into pools. An entry whose pool is empty
 * (nothing created yet) or whose capture pool is full is passed over for another pick.
 */
public final class HttpMix implements RequestMix {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PICK_ATTEMPTS = 8;

    private final List<Prepared> entries;
    private final List<String> names;
    private final long[] cumulative;
    private final Pools pools;
    private final String tag;
    private final AtomicLong seq;

    /**
     * @param entries the weighted entries
     * @param apiBase base URL with the API prefix, e.g. {@code http://127.0.0.1:8080/api}
     * @param tag     the run's data tag, put where {@code {tag}} is written
     * @param pools   where captured values live (shared with setup and cleanup)
     * @param seq     source of {@code {seq}} numbers (shared with setup, so numbers stay unique)
     */
    public HttpMix(List<MixEntry> entries, String apiBase, String tag, Pools pools, AtomicLong seq) {
        if (entries.stream().noneMatch(entry -> entry.pools().isEmpty() && entry.capture().isEmpty() && entry.weight() > 0)) {
            throw new IllegalArgumentException("the mix needs at least one weighted request that reads no pool and captures nothing, "
                    + "so there is always something to send");
        }
        this.entries = new ArrayList<>();
        this.names = new ArrayList<>();
        this.cumulative = new long[entries.size()];
        long sum = 0;
        for (int i = 0; i < entries.size(); i++) {
            MixEntry entry = entries.get(i);
            this.entries.add(new Prepared(i, entry, apiBase));
            this.names.add(entry.name());
            sum += entry.weight();
            cumulative[i] = sum;
        }
        this.pools = pools;
        this.tag = tag;
        this.seq = seq;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public PlannedRequest next() {
        long total = cumulative[cumulative.length - 1];
        for (int attempt = 0; attempt < PICK_ATTEMPTS; attempt++) {
            long r = ThreadLocalRandom.current().nextLong(total);
            int index = 0;
            while (cumulative[index] <= r) {
                index++;
            }
            PlannedRequest plan = entries.get(index).plan();
            if (plan != null) {
                return plan;
            }
        }
        for (Prepared entry : entries) {
            if (entry.entry.weight() > 0) {
                PlannedRequest plan = entry.plan();
                if (plan != null) {
                    return plan;
                }
            }
        }
        throw new IllegalStateException("no request of the mix can be sent now");
    }

    @Override
    public void completed(PlannedRequest request, int status, byte[] body) {
        Prepared entry = entries.get(request.kind());
        if (status >= 200 && status < 300) {
            capture(entry.entry.capture(), body, pools);
        } else if (status != 404) {
            giveBack(request);
        }
    }

    @Override
    public void failed(PlannedRequest request) {
        giveBack(request);
    }

    @SuppressWarnings("unchecked")
    private void giveBack(PlannedRequest request) {
        if (request.context() instanceof List<?> taken) {
            for (String[] pair : (List<String[]>) taken) {
                pools.pool(pair[0]).add(pair[1]);
            }
        }
    }

    /** Puts {@code field} of a JSON answer (or of each element of an array answer) into its pool. */
    static void capture(List<MixEntry.Capture> captures, byte[] body, Pools pools) {
        if (captures.isEmpty() || body == null || body.length == 0) {
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            return;
        }
        for (MixEntry.Capture capture : captures) {
            if (node.isArray()) {
                node.forEach(element -> addField(element, capture, pools));
            } else {
                addField(node, capture, pools);
            }
        }
    }

    private static void addField(JsonNode node, MixEntry.Capture capture, Pools pools) {
        JsonNode value = node.get(capture.field());
        if (value != null && !value.isNull() && !value.isContainerNode()) {
            pools.pool(capture.pool()).add(value.asText());
        }
    }

    /** One entry with its templates parsed and, when nothing varies, its request built once. */
    private final class Prepared {
        private final int kind;
        private final MixEntry entry;
        private final String apiBase;
        private final Template path;
        private final Template body;
        private final PlannedRequest constant;

        Prepared(int kind, MixEntry entry, String apiBase) {
            this.kind = kind;
            this.entry = entry;
            this.apiBase = apiBase;
            this.path = Template.parse(entry.path());
            this.body = Template.parse(entry.body());
            this.constant = path.constant() && body.constant()
                    ? plan(path.render(Map.of()), entry.body(), false, null) : null;
        }

        PlannedRequest plan() {
            for (MixEntry.Capture capture : entry.capture()) {
                if (pools.pool(capture.pool()).full()) {
                    return null;
                }
            }
            if (constant != null && entry.capture().isEmpty()) {
                return constant;
            }
            Map<String, String> values = new HashMap<>();
            List<String[]> taken = new ArrayList<>(1);
            values.put("tag", tag);
            values.put("seq", Long.toString(seq.incrementAndGet()));
            if (!fill(path, values, taken) || !fill(body, values, taken)) {
                for (String[] pair : taken) {
                    pools.pool(pair[0]).add(pair[1]);
                }
                return null;
            }
            String renderedBody = entry.body() == null ? null : body.render(values);
            return plan(path.render(values), renderedBody, !entry.capture().isEmpty(), taken.isEmpty() ? null : taken);
        }

        private boolean fill(Template template, Map<String, String> values, List<String[]> taken) {
            for (Template.Part part : template.parts()) {
                if (part.pool() == null || values.containsKey(part.kind() + ":" + part.pool())) {
                    continue;
                }
                Pools.Pool pool = pools.pool(part.pool());
                String value = "take".equals(part.kind()) ? pool.take() : pool.pick();
                if (value == null) {
                    return false;
                }
                if ("take".equals(part.kind())) {
                    taken.add(new String[] {part.pool(), value});
                }
                values.put(part.kind() + ":" + part.pool(), value);
            }
            return true;
        }

        private PlannedRequest plan(String renderedPath, String renderedBody, boolean wantBody, Object context) {
            byte[] bytes = renderedBody == null ? null : renderedBody.getBytes(StandardCharsets.UTF_8);
            return new PlannedRequest(kind, entry.method(), URI.create(apiBase + renderedPath), bytes, wantBody, context);
        }
    }
}
