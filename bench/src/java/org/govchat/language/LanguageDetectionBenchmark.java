package org.govchat.language;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of {@link LanguageService#detect} on a 500-character message, sampled call by call so that
 * JMH reports percentiles (p50, p99). Each message is made of the labelled test sentences of one
 * variety, joined until it is 500 characters long.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class LanguageDetectionBenchmark {

    static final int MESSAGE_LENGTH = 500;

    @Param({"en", "yue-Hant", "yue-Hant-code-switched", "zh-Hant", "zh-Hans"})
    public String variety;

    private LanguageService languages;
    private String message;

    @Setup
    public void setUp() throws IOException {
        languages = new LanguageService();
        Predicate<LabelledSentencesTests.Labelled> chosen = variety.equals("yue-Hant-code-switched")
                ? s -> s.label() == Language.YUE_HANT && s.text().matches(".*[A-Za-z]{2,}.*")
                : s -> s.label() == Language.fromTag(variety);
        var sentences = LabelledSentencesTests.read("language/labelled-sentences.tsv").stream()
                .filter(chosen)
                .map(LabelledSentencesTests.Labelled::text)
                .toList();
        var text = new StringBuilder();
        for (int i = 0; text.length() < MESSAGE_LENGTH; i++) {
            text.append(sentences.get(i % sentences.size())).append(' ');
        }
        message = text.substring(0, MESSAGE_LENGTH);
        if (Character.isHighSurrogate(message.charAt(MESSAGE_LENGTH - 1))) {
            message = text.substring(0, MESSAGE_LENGTH + 1);
        }
    }

    @Benchmark
    public DetectedLanguage detect() {
        return languages.detect(message);
    }
}
