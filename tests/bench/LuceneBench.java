// Lucene 8 driver of tests/bench/compare_engines.py (compiled there with javac against
// Debian's liblucene8-java; never part of the build). Not a test.
//
//   java LuceneBench index FILE.jsonl INDEX_DIR [store]
//       one document per JSON line: id (StringField, stored), title (TextField),
//       text (TextField: title + text, the default search field), date (StringField
//       YYYYMMDD, for range queries). EnglishAnalyzer; one thread; one commit at the end.
//       With "store", title and text are stored fields too (what a highlighter needs, as
//       news-search keeps the article for its snippets). Prints {"articles": N, "seconds": S}.
//   java LuceneBench query INDEX_DIR QUERIES.tsv ROUNDS WARMUP
//       QUERIES.tsv: qid<TAB>query in the classic QueryParser syntax (default field text,
//       default operator AND). WARMUP untimed rounds, then ROUNDS timed rounds of every
//       query: parse, top 10, stored id of each hit. Prints the latency percentiles in
//       microseconds and the number of matching documents per query as JSON.
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class LuceneBench {
    static Analyzer analyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        perField.put("id", new KeywordAnalyzer());
        perField.put("date", new KeywordAnalyzer());
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), perField);
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("index"))
            index(args[1], args[2], args.length >= 4 && args[3].equals("store"));
        else if (args.length >= 5 && args[0].equals("query"))
            query(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        else {
            System.err.println("usage: LuceneBench index FILE.jsonl DIR [store] | query DIR QUERIES.tsv ROUNDS WARMUP");
            System.exit(2);
        }
    }

    static void index(String jsonl, String dir, boolean storeText) throws Exception {
        Field.Store store = storeText ? Field.Store.YES : Field.Store.NO;
        long t0 = System.nanoTime();
        IndexWriterConfig cfg = new IndexWriterConfig(analyzer());
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        long n = 0;
        try (IndexWriter w = new IndexWriter(FSDirectory.open(Paths.get(dir)), cfg);
             BufferedReader in = Files.newBufferedReader(Paths.get(jsonl), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) continue;
                Map<String, String> r = parseFlatObject(line);
                String title = r.getOrDefault("title", "");
                Document d = new Document();
                d.add(new StringField("id", r.getOrDefault("id", ""), Field.Store.YES));
                d.add(new TextField("title", title, store));
                d.add(new TextField("text", title + "\n\n" + r.getOrDefault("text", ""), store));
                String date = r.getOrDefault("date", "").replace("-", "");
                if (!date.isEmpty()) d.add(new StringField("date", date, Field.Store.NO));
                w.addDocument(d);
                ++n;
            }
            w.commit();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.println("{\"articles\": " + n + ", \"seconds\": " + secs + "}");
    }

    static void query(String dir, String queriesFile, int rounds, int warmup) throws Exception {
        List<String> qids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(Paths.get(queriesFile), StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            int tab = line.indexOf('\t');
            qids.add(line.substring(0, tab));
            texts.add(line.substring(tab + 1));
        }
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Paths.get(dir)))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            QueryParser parser = new QueryParser("text", analyzer());
            parser.setDefaultOperator(QueryParser.Operator.AND);
            long[] counts = new long[texts.size()];
            for (int i = 0; i < texts.size(); ++i) counts[i] = searcher.count(parser.parse(texts.get(i)));
            double[] micros = new double[rounds * texts.size()];
            int k = 0;
            long sink = 0;
            for (int round = 0; round < warmup + rounds; ++round) {
                for (String q : texts) {
                    long t0 = System.nanoTime();
                    Query query = parser.parse(q);
                    TopDocs top = searcher.search(query, 10);
                    for (ScoreDoc sd : top.scoreDocs) sink += searcher.doc(sd.doc).get("id").length();
                    long t1 = System.nanoTime();
                    if (round >= warmup) micros[k++] = (t1 - t0) / 1e3;
                }
            }
            Arrays.sort(micros);
            StringBuilder out = new StringBuilder("{");
            out.append("\"queries\": ").append(micros.length);
            out.append(", \"p50\": ").append(pct(micros, 50));
            out.append(", \"p95\": ").append(pct(micros, 95));
            out.append(", \"p99\": ").append(pct(micros, 99));
            out.append(", \"max\": ").append(pct(micros, 100));
            out.append(", \"sink\": ").append(sink);
            out.append(", \"counts\": {");
            for (int i = 0; i < qids.size(); ++i)
                out.append(i > 0 ? ", " : "").append('"').append(qids.get(i)).append("\": ").append(counts[i]);
            out.append("}}");
            System.out.println(out);
        }
    }

    // Nearest rank on (n-1), as news-search --stats computes it. micros is sorted.
    static double pct(double[] v, double p) {
        if (v.length == 0) return Double.NaN;
        int i = (int) (p / 100.0 * (v.length - 1) + 0.5);
        return v[Math.min(i, v.length - 1)];
    }

    // A flat JSON object whose values are strings, numbers, true/false/null (as text);
    // enough for the JSON Lines the benchmark writes (the JDK has no JSON parser).
    static Map<String, String> parseFlatObject(String s) {
        Map<String, String> m = new HashMap<>();
        int[] pos = {skip(s, 0)};
        if (pos[0] >= s.length() || s.charAt(pos[0]) != '{') throw new IllegalArgumentException("not an object");
        pos[0] = skip(s, pos[0] + 1);
        if (pos[0] < s.length() && s.charAt(pos[0]) == '}') return m;
        while (true) {
            String key = string(s, pos);
            pos[0] = skip(s, pos[0]);
            if (s.charAt(pos[0]) != ':') throw new IllegalArgumentException("expected :");
            pos[0] = skip(s, pos[0] + 1);
            String value;
            if (s.charAt(pos[0]) == '"') value = string(s, pos);
            else {
                int b = pos[0];
                while (pos[0] < s.length() && ",} \t".indexOf(s.charAt(pos[0])) < 0) ++pos[0];
                value = s.substring(b, pos[0]);
            }
            m.put(key, value);
            pos[0] = skip(s, pos[0]);
            char c = s.charAt(pos[0]);
            if (c == '}') return m;
            if (c != ',') throw new IllegalArgumentException("expected , or }");
            pos[0] = skip(s, pos[0] + 1);
        }
    }

    static int skip(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) ++i;
        return i;
    }

    static String string(String s, int[] pos) {
        int i = pos[0];
        if (s.charAt(i) != '"') throw new IllegalArgumentException("expected string");
        StringBuilder b = new StringBuilder();
        for (++i; ; ++i) {
            char c = s.charAt(i);
            if (c == '"') break;
            if (c != '\\') { b.append(c); continue; }
            char e = s.charAt(++i);
            switch (e) {
                case 'n': b.append('\n'); break;
                case 't': b.append('\t'); break;
                case 'r': b.append('\r'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'u': b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16)); i += 4; break;
                default: b.append(e);
            }
        }
        pos[0] = i + 1;
        return b.toString();
    }
}
