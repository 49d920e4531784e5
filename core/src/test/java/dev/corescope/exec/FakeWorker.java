package dev.corescope.exec;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * A fake worker JVM for {@link FakeStreamTest}: says hello and answers pings like {@link WorkerMain},
 * then answers a task with a result header that announces {@code args[0]} payload bytes and sends none,
 * keeping its output open (a corrupt or hostile header).
 */
public final class FakeWorker {
    private FakeWorker() {
    }

    public static void main(String[] args) throws IOException {
        long announced = Long.parseLong(args[0]);
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        DataOutputStream out = new DataOutputStream(new FileOutputStream(FileDescriptor.out));
        Frames.writeSync(out);
        Frames.write(out, Frames.HELLO, d -> {
            d.writeLong(ProcessHandle.current().pid());
            d.writeLong(1);
            d.writeLong(System.nanoTime());
        });
        out.flush();
        while (true) {
            Frames.Frame f = Frames.read(in);
            if (f.type() == Frames.PING) {
                Frames.write(out, Frames.PONG, d -> d.writeLong(System.nanoTime()));
            } else {
                Frames.write(out, Frames.RESULT, d -> {
                    d.writeBoolean(true);
                    for (int i = 0; i < 7; i++) {
                        d.writeLong(0);
                    }
                    Frames.writeString(d, "");
                    d.writeLong(announced);
                    for (int i = 0; i < 6; i++) { // crc, crcNanos, writeStart, gcCount, gcMillis, jitMillis
                        d.writeLong(0);
                    }
                });
            }
            out.flush();
        }
    }
}
