package nl.peiling.core.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * How violations name places in a definition: {@code edition.rules.maxMinutes},
 * {@code modules[huisvesting].clusters[hv_woning].items[2]}. An element of a list is named by its id,
 * or by its index when it has no usable id or repeats an earlier sibling's id, so that every path names
 * one place.
 */
public final class Paths {

    /** The path of the edition file. */
    public static final String EDITION = "edition";

    private Paths() {}

    /** The path of a module. */
    public static String module(String moduleName) {
        return "modules[" + moduleName + "]";
    }

    /** A property of the element at {@code path}. */
    public static String property(String path, String name) {
        return path + "." + name;
    }

    /** An element of a list at {@code path}, by its name (id or index). */
    public static String element(String path, String name) {
        return path + "[" + name + "]";
    }

    /** An element of a list at {@code path}, by its index. */
    public static String element(String path, int index) {
        return path + "[" + index + "]";
    }

    /**
     * The names of a list's elements: their ids, or their indexes where the id is null, empty or repeats.
     */
    public static <T> List<String> names(List<T> elements, Function<T, String> id) {
        List<String> names = new ArrayList<>(elements.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            String name = id.apply(elements.get(i));
            boolean usable = name != null && !name.isEmpty() && !isIndex(name) && name.indexOf(']') < 0;
            names.add(usable && seen.add(name) ? name : Integer.toString(i));
        }
        return names;
    }

    private static boolean isIndex(String name) {
        return name.chars().allMatch(Character::isDigit);
    }
}
