package io.meshproof.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnsweringInstanceTest {

    @Test
    void readsThePodnameFromReviewsJson() {
        String body = "{\"id\": \"0\",\"podname\": \"reviews-v2-7f9c4\",\"clustername\": \"null\",\"reviews\": [{\"reviewer\": \"Reviewer1\"}]}";

        assertThat(AnsweringInstance.inBody(body)).contains(new AnsweringInstance("reviews-v2-7f9c4", "v2"));
    }

    @Test
    void readsThePodnameFromProductpageHtml() {
        String body = "<div class=\"mt-0.5 text-gray-600 font-mono\">Reviews served by: \n"
                + "                  reviews-v3-5b64f47978-xkv7l\n                  </div>";

        assertThat(AnsweringInstance.inBody(body)).contains(new AnsweringInstance("reviews-v3-5b64f47978-xkv7l", "v3"));
    }

    @Test
    void findsNothingInABodyWithoutPodname() {
        assertThat(AnsweringInstance.inBody("{\"error\": \"Sorry, product reviews are currently unavailable\"}")).isEmpty();
        assertThat(AnsweringInstance.inBody("upstream connect error or disconnect/reset before headers")).isEmpty();
        assertThat(AnsweringInstance.inBody("")).isEmpty();
        assertThat(AnsweringInstance.inBody(null)).isEmpty();
    }

    @Test
    void theVersionIsTheFirstVersionSegment() {
        assertThat(AnsweringInstance.fromPodname("ratings-v1-extra-0").version()).isEqualTo("v1");
        // a Kubernetes hash suffix that looks like a version comes after the real one
        assertThat(AnsweringInstance.fromPodname("reviews-v2-v4567-v9").version()).isEqualTo("v2");
        assertThat(AnsweringInstance.fromPodname("reviews-v10-0").version()).isEqualTo("v10");
    }

    @Test
    void aPodnameWithoutVersionStillNamesTheInstance() {
        assertThat(AnsweringInstance.fromPodname("details-5f9d8c7b6-abcde"))
                .isEqualTo(new AnsweringInstance("details-5f9d8c7b6-abcde", null));
        // "v2x" is not a version segment
        assertThat(AnsweringInstance.fromPodname("reviews-v2x-0").version()).isNull();
    }

    @Test
    void anEmptyPodnameIsRejected() {
        assertThatThrownBy(() -> AnsweringInstance.fromPodname("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("podname");
    }
}
