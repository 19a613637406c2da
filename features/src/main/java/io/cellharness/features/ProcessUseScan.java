package io.cellharness.features;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * which of our classes reachable from a starting class could start a process or name {@code virsh}. Reads the
 * constant pools of the class files ({@code io.cellharness.*} only; the JDK and libraries are the platform) and follows
 * every class they name.
 */
final class ProcessUseScan {

    /** What a scan found. */
    record Result(int classesScanned, List<String> offenders) {
    }

    private static final String OURS = "io/cellharness/";
    private static final Pattern DESCRIBED = Pattern.compile("L(io/cellharness/[^;<>]+);");

    private ProcessUseScan() {
    }

    static Result from(Class<?> start) {
        ClassLoader loader = start.getClassLoader();
        Deque<String> todo = new ArrayDeque<>();
        TreeSet<String> seen = new TreeSet<>();
        List<String> offenders = new ArrayList<>();
        todo.add(start.getName().replace('.', '/'));
        while (!todo.isEmpty()) {
            String name = todo.poll();
            if (!name.startsWith(OURS) || !seen.add(name)) {
                continue;
            }
            List<String> classes = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            try (InputStream in = loader.getResourceAsStream(name + ".class")) {
                if (in == null) {
                    continue;
                }
                readConstants(new DataInputStream(in), classes, texts);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
            boolean runtime = classes.contains("java/lang/Runtime");
            if (classes.contains("java/lang/ProcessBuilder") || (runtime && texts.contains("exec"))) {
                offenders.add(name.replace('/', '.') + " starts a process");
            }
            if (texts.stream().anyMatch(t -> t.contains("virsh") && !t.contains(" "))) {
                offenders.add(name.replace('/', '.') + " names virsh");
            }
            for (String c : classes) {
                todo.add(c.startsWith("[") ? c.replaceAll("^\\[+L?|;$", "") : c);
            }
            for (String t : texts) {
                Matcher m = DESCRIBED.matcher(t);
                while (m.find()) {
                    todo.add(m.group(1));
                }
            }
        }
        return new Result(seen.size(), offenders);
    }

    /** The class names and UTF-8 texts of a class file's constant pool (JVMS §4.4). */
    private static void readConstants(DataInputStream in, List<String> classes, List<String> texts) throws IOException {
        in.readInt(); // magic
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classIndexes = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classIndexes.add(in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // eight-byte constants take two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        for (int index : classIndexes) {
            classes.add(utf8[index]);
        }
        for (String s : utf8) {
            if (s != null) {
                texts.add(s);
            }
        }
    }
}
