package org.outagedesk.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The upload stream: what the import's progress reads, and where a limit refuses. */
class LimitedUploadTest {

    @Test
    void it_tells_how_many_bytes_were_read_one_at_a_time_and_in_blocks() throws Exception {
        LimitedUpload in = LimitedUpload.counted(new ByteArrayInputStream(new byte[5000]));
        assertThat(in.bytesRead()).isZero();
        assertThat(in.read()).isZero();
        assertThat(in.read(new byte[1000], 0, 1000)).isEqualTo(1000);
        assertThat(in.bytesRead()).isEqualTo(1001);
        assertThat(in.readAllBytes()).hasSize(3999);
        assertThat(in.bytesRead()).as("the whole file: the progress reaches 100%").isEqualTo(5000);
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.bytesRead()).as("the end is not a byte").isEqualTo(5000);
    }

    @Test
    void a_limit_refuses_the_first_byte_past_it_and_names_the_file_and_the_limit() throws Exception {
        int mb = 1024 * 1024;
        InputStream exactly = LimitedUpload.of(new ByteArrayInputStream(new byte[mb]), DataSize.ofMegabytes(1),
                "The sales file");
        assertThat(exactly.readAllBytes()).as("a file of exactly the limit is taken").hasSize(mb);
        InputStream over = LimitedUpload.of(new ByteArrayInputStream(new byte[mb + 1]), DataSize.ofMegabytes(1),
                "The sales file");
        assertThatThrownBy(over::readAllBytes).isInstanceOf(LimitedUpload.TooLarge.class)
                .hasMessage("The sales file is larger than 1 MB");
    }
}
