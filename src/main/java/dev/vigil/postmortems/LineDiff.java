package dev.vigil.postmortems;

import java.util.ArrayList;
import java.util.List;

/** A plain line diff (longest common subsequence) of two texts, for the revisions page. Pure. */
final class LineDiff {
    private static final int MAX_LINES = 2000;

    private LineDiff() {}

    static List<PostmortemPages.DiffLine> between(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        if (a.size() > MAX_LINES || b.size() > MAX_LINES) {
            List<PostmortemPages.DiffLine> whole = new ArrayList<>();
            a.forEach(line -> whole.add(new PostmortemPages.DiffLine("-", line)));
            b.forEach(line -> whole.add(new PostmortemPages.DiffLine("+", line)));
            return whole;
        }
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<PostmortemPages.DiffLine> diff = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                diff.add(new PostmortemPages.DiffLine(" ", a.get(i++)));
                j++;
            } else if (j < b.size() && (i == a.size() || common[i][j + 1] >= common[i + 1][j])) {
                diff.add(new PostmortemPages.DiffLine("+", b.get(j++)));
            } else {
                diff.add(new PostmortemPages.DiffLine("-", a.get(i++)));
            }
        }
        return diff;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }
}
