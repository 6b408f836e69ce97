package io.meshproof.engine.attach;

import io.meshproof.load.RequestRecord;
import io.meshproof.load.RequestRecordCsv;
import io.meshproof.target.RenderedState;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Attaches a scenario's material to the Allure result of the check running on this thread: the
 * rendered mesh state, the records as CSV, the scenario's page with its charts. Allure is optional:
 * without {@code allure-junit-platform} on the classpath (or with no test running) nothing happens.
 */
public final class AllureAttachments {

    private static final boolean PRESENT = present();

    private AllureAttachments() {
    }

    private static boolean present() {
        try {
            Class.forName("io.qameta.allure.Allure", false, AllureAttachments.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    public static void meshState(RenderedState state) {
        if (!PRESENT) {
            return;
        }
        for (RenderedState.RenderedFile file : state.files()) {
            attach("mesh state: " + file.name(), "text/plain", file.content(), extension(file.name()));
        }
    }

    public static void records(List<RequestRecord> records) {
        if (!PRESENT || records.isEmpty()) {
            return;
        }
        StringWriter csv = new StringWriter();
        try {
            RequestRecordCsv.write(records, csv);
        } catch (IOException e) {
            return; // a StringWriter does not fail
        }
        attach("records (" + records.size() + ")", "text/csv", csv.toString(), "csv");
    }

    public static void page(String name, String html) {
        if (PRESENT) {
            attach(name, "text/html", html, "html");
        }
    }

    private static void attach(String name, String type, String content, String extension) {
        try {
            io.qameta.allure.Allure.getLifecycle().addAttachment(name, type, extension, content.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException | LinkageError e) {
            // no Allure test case on this thread: attachments are a convenience, never a reason to fail
        }
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "txt" : fileName.substring(dot + 1);
    }
}
