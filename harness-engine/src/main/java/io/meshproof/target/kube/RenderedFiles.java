package io.meshproof.target.kube;

import io.meshproof.target.RenderedState;
import io.meshproof.target.RenderedState.RenderedFile;

import java.util.Comparator;
import java.util.List;

/** The naming convention of rendered manifest files, for whoever applies and removes them. */
public final class RenderedFiles {

    /** Marks a file that patches an object stock bookinfo owns (see {@link KubeManifest}). */
    static final String PATCH_MARK = "patch-";

    private RenderedFiles() {
    }

    /**
     * True when the file patches an existing object (a Service's or the Namespace's annotations):
     * apply it as a merge and, on clean-up, remove the fields it set instead of deleting the object.
     */
    public static boolean isPatch(RenderedFile file) {
        return file.name().matches("\\d+-" + PATCH_MARK + ".*");
    }

    /** The files of the manifests, in apply order (name order). */
    public static RenderedState of(List<KubeManifest> manifests) {
        List<RenderedFile> files = manifests.stream().map(KubeManifest::toFile)
                .sorted(Comparator.comparing(RenderedFile::name)).toList();
        for (int i = 1; i < files.size(); i++) {
            if (files.get(i).name().equals(files.get(i - 1).name())) {
                throw new IllegalStateException("two rendered manifests have the same file name " + files.get(i).name());
            }
        }
        return new RenderedState(files);
    }
}
