package io.xspy.tui;

import io.xspy.timeline.Canvas;
import io.xspy.timeline.Style;
import io.xspy.timeline.Text;
import java.util.List;

/**
 * A line being edited at the bottom (a filter, a command, a time span) over the screen beneath,
 * which stays in view. Takes every key; Enter hands the line to its {@link Submit}, which closes
 * the prompt or leaves an error under the column it concerns.
 */
final class PromptScreen implements Screen {

    /** What Enter does with the line (stripped). */
    @FunctionalInterface
    interface Submit {
        void submit(App app, PromptScreen p, String text);
    }

    final Prompt prompt;
    private final Submit submit;
    private final List<KeyMap.Binding> bindings;

    PromptScreen(Prompt prompt, Submit submit) {
        this.prompt = prompt;
        this.submit = submit;
        this.bindings = List.of(
                KeyMap.bind("Enter", "run the line", (app, k) -> this.submit.submit(app, this, prompt.text().strip())),
                KeyMap.bind("Esc", "cancel", (app, k) -> app.close(this)));
    }

    @Override public String title() { return "prompt"; }

    @Override public List<KeyMap.Binding> bindings() { return bindings; }

    @Override public boolean overlay() { return true; }

    @Override public boolean capturesKeys() { return true; }

    @Override
    public boolean otherKey(App app, Key key) {
        if (key.name().equals("Backspace") && prompt.text.length() == 0) app.close(this);
        else prompt.edit(key);
        return true;
    }

    @Override
    public void draw(App app, Canvas body) {
        app.under(this).draw(app, body);
    }

    /** The prompt on the hint line; an error above it, with a caret under its column when it has one. */
    @Override
    public void drawBottom(App app, Canvas c, int hintsY, int statusY) {
        boolean ascii = app.ascii();
        Prompt p = prompt;
        int x = c.put(0, hintsY, p.kind.label, Style.ACCENT);
        String text = p.text();
        // keep the cursor in view on a narrow screen
        int room = Math.max(1, c.width() - x - 1);
        int from = Math.max(0, p.cursor - room + 1);
        c.put(x, hintsY, text.substring(Math.min(from, text.length())), Style.NORMAL);
        int cursorX = x + Text.width(Text.sanitize(text.substring(from, p.cursor), ascii));
        c.restyle(cursorX, hintsY, 1, Style.SELECTED);
        if (p.error == null || statusY < 0) return;
        int caret = p.errorColumn > 0 ? Math.max(0, Math.min(c.width() - 1, x + p.errorColumn - 1 - from)) : -1;
        String message = Text.sanitize(p.error, ascii);
        if (caret >= 0 && caret + 2 + Text.width(message) <= c.width()) {
            // the caret under the column, the message after it
            c.put(caret, statusY, "^", Style.FAULT);
            c.put(caret + 2, statusY, message, Style.FAULT);
        } else if (caret >= 0 && caret - 1 - Text.width(message) >= 0) {
            // the message leads up to the caret
            c.put(caret - 1 - Text.width(message), statusY, message, Style.FAULT);
            c.put(caret, statusY, "^", Style.FAULT);
        } else if (caret >= 0) {
            // the caret alone above the prompt, the whole message wrapped above it
            Screens.clear(c, statusY);
            c.put(caret, statusY, "^", Style.FAULT);
            Screens.above(c, statusY - 1, message, Style.FAULT, statusY, ascii);
        } else {
            Screens.above(c, statusY, message, Style.FAULT, statusY + 1, ascii);
        }
    }
}
