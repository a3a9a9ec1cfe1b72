package org.govchat.model.fake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes a tiny random-weight Llama model (hidden 64, 2 layers, ~300-token BPE vocabulary, about 400 KB)
 * that Jlama loads and runs for real: {@code config.json}, {@code tokenizer.json},
 * {@code tokenizer_config.json} with a chat template, {@code model.safetensors} and the {@code .finished}
 * marker of a completed download. Its output is gibberish; tests assert on the mechanics.
 *
 * <p>The special and whitespace tokens get zero embeddings (the embeddings are tied to the output), so
 * with temperature 0 a generation neither stops at once nor streams only blanks.
 */
public final class TinyJlamaModel {

    private static final int HIDDEN = 64;
    private static final int INTERMEDIATE = 128;
    private static final int HEADS = 2;
    private static final int LAYERS = 2;
    private static final int CONTEXT = 512;
    private static final List<String> SPECIAL = List.of("<unk>", "<s>", "</s>");
    private static final String CHAT_TEMPLATE = "{% for message in messages %}"
            + "{{ '<|' + message['role'] + '|>\\n' + message['content'] + '\\n' }}"
            + "{% endfor %}{% if add_generation_prompt %}{{ '<|assistant|>\\n' }}{% endif %}";

    private TinyJlamaModel() {}

    /** Writes the model into {@code directory} (created if needed) and returns it. */
    public static Path writeTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        var vocabulary = vocabulary();
        Files.writeString(directory.resolve("config.json"), config(vocabulary.size()));
        Files.writeString(directory.resolve("tokenizer.json"), tokenizer(vocabulary));
        Files.writeString(directory.resolve("tokenizer_config.json"), tokenizerConfig());
        writeWeights(directory.resolve("model.safetensors"), vocabulary);
        Files.writeString(directory.resolve(".finished"), "");
        return directory;
    }

    private static List<String> vocabulary() {
        var tokens = new ArrayList<>(SPECIAL);
        for (char c = 32; c < 127; c++) {
            tokens.add(String.valueOf(c));
        }
        tokens.add("\n");
        tokens.add("▁");
        var letters = "etaoinshrdlucmfwyp";
        for (int i = 0; i < letters.length() && tokens.size() < 300; i++) {
            for (int j = 0; j < letters.length() && tokens.size() < 300; j++) {
                tokens.add("" + letters.charAt(i) + letters.charAt(j));
            }
        }
        return tokens;
    }

    private static String config(int vocabularySize) {
        return """
                {"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":%d,
                 "intermediate_size":%d,"num_attention_heads":%d,"num_key_value_heads":%d,
                 "num_hidden_layers":%d,"max_position_embeddings":%d,"rms_norm_eps":1e-05,
                 "vocab_size":%d,"bos_token_id":1,"eos_token_id":2,"hidden_act":"silu",
                 "rope_theta":10000.0,"tie_word_embeddings":true,"torch_dtype":"float32"}
                """.formatted(HIDDEN, INTERMEDIATE, HEADS, HEADS, LAYERS, CONTEXT, vocabularySize);
    }

    private static String tokenizer(List<String> vocabulary) {
        var vocab = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < vocabulary.size(); i++) {
            vocab.put(vocabulary.get(i), i);
        }
        var merges = vocabulary.stream()
                .filter(t -> t.length() == 2 && Character.isLetter(t.charAt(0)))
                .map(t -> t.charAt(0) + " " + t.charAt(1))
                .toList();
        var added = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < SPECIAL.size(); i++) {
            added.add(Map.of("id", i, "content", SPECIAL.get(i), "special", true));
        }
        var root = new LinkedHashMap<String, Object>();
        root.put("version", "1.0");
        root.put("added_tokens", added);
        root.put(
                "model",
                Map.of("type", "BPE", "unk_token", "<unk>", "byte_fallback", false, "vocab", vocab, "merges", merges));
        return FakeModelServer.JSON.writeValueAsString(root);
    }

    private static String tokenizerConfig() {
        var config = new LinkedHashMap<String, Object>();
        config.put("bos_token", "<s>");
        config.put("eos_token", "</s>");
        config.put("unk_token", "<unk>");
        config.put("chat_template", CHAT_TEMPLATE);
        return FakeModelServer.JSON.writeValueAsString(config);
    }

    private static void writeWeights(Path file, List<String> vocabulary) throws IOException {
        var random = new Random(42);
        var tensors = new LinkedHashMap<String, float[]>();
        var shapes = new LinkedHashMap<String, int[]>();
        var blank = Set.of("<unk>", "<s>", "</s>", " ", "\n", "▁");
        var embeddings = gaussian(random, vocabulary.size() * HIDDEN, 0.5f);
        for (int token = 0; token < vocabulary.size(); token++) {
            if (blank.contains(vocabulary.get(token))) {
                java.util.Arrays.fill(embeddings, token * HIDDEN, (token + 1) * HIDDEN, 0f);
            }
        }
        put(tensors, shapes, "model.embed_tokens.weight", embeddings, vocabulary.size(), HIDDEN);
        for (int layer = 0; layer < LAYERS; layer++) {
            var prefix = "model.layers." + layer + ".";
            put(tensors, shapes, prefix + "input_layernorm.weight", ones(HIDDEN), HIDDEN);
            put(tensors, shapes, prefix + "post_attention_layernorm.weight", ones(HIDDEN), HIDDEN);
            for (var projection : List.of("q_proj", "k_proj", "v_proj", "o_proj")) {
                put(
                        tensors,
                        shapes,
                        prefix + "self_attn." + projection + ".weight",
                        gaussian(random, HIDDEN * HIDDEN, 0.05f),
                        HIDDEN,
                        HIDDEN);
            }
            put(
                    tensors,
                    shapes,
                    prefix + "mlp.gate_proj.weight",
                    gaussian(random, INTERMEDIATE * HIDDEN, 0.05f),
                    INTERMEDIATE,
                    HIDDEN);
            put(
                    tensors,
                    shapes,
                    prefix + "mlp.up_proj.weight",
                    gaussian(random, INTERMEDIATE * HIDDEN, 0.05f),
                    INTERMEDIATE,
                    HIDDEN);
            put(
                    tensors,
                    shapes,
                    prefix + "mlp.down_proj.weight",
                    gaussian(random, HIDDEN * INTERMEDIATE, 0.05f),
                    HIDDEN,
                    INTERMEDIATE);
        }
        put(tensors, shapes, "model.norm.weight", ones(HIDDEN), HIDDEN);

        var header = new LinkedHashMap<String, Object>();
        header.put("__metadata__", Map.of("format", "pt"));
        long offset = 0;
        for (var entry : tensors.entrySet()) {
            long size = entry.getValue().length * 4L;
            header.put(
                    entry.getKey(),
                    Map.of(
                            "dtype",
                            "F32",
                            "shape",
                            shapes.get(entry.getKey()),
                            "data_offsets",
                            List.of(offset, offset + size)));
            offset += size;
        }
        var headerBytes =
                FakeModelServer.JSON.writeValueAsString(header).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var buffer = ByteBuffer.allocate(8 + headerBytes.length + (int) offset).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(headerBytes.length).put(headerBytes);
        tensors.values().forEach(values -> {
            for (float value : values) {
                buffer.putFloat(value);
            }
        });
        buffer.flip();
        try (var channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    private static void put(
            Map<String, float[]> tensors, Map<String, int[]> shapes, String name, float[] values, int... shape) {
        tensors.put(name, values);
        shapes.put(name, shape);
    }

    private static float[] gaussian(Random random, int size, float scale) {
        var values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian() * scale;
        }
        return values;
    }

    private static float[] ones(int size) {
        var values = new float[size];
        java.util.Arrays.fill(values, 1f);
        return values;
    }
}
