package io.meshproof.report;

/** How a target supports a feature: natively, by emulation (named in the report), or not at all. */
public enum Support {
    native_("native"), emulated("emulated"), unsupported("unsupported");

    private final String text;

    Support(String text) {
        this.text = text;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String text() {
        return text;
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Support of(String text) {
        for (Support s : values()) {
            if (s.text.equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown support level '" + text + "' (native, emulated or unsupported)");
    }

    @Override
    public String toString() {
        return text;
    }
}
