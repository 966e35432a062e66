package certrenewal.benchmark.system;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;

/**
 * The machine's limit for a request on a new mutual-TLS connection: the app's own TLS stack (BoringSSL through
 * Netty's netty-tcnative, as the app's server runs it), the app's server key store, client certificates required
 * and checked against the client CA, and a fixed answer to whatever is posted. No HTTP routing, no database, no
 * CA: what a handshake and one small request-answer cost here. The server's certificate is the app's own
 * ({@link ServerTlsKey}). Runs in the benchmark's JVM on Netty's default number of event loops (two per core),
 * named {@value #THREAD_NAME}-N-M.
 */
public final class HandshakeOnlyServer implements AutoCloseable {
    /** The event loops' name, so that the server's CPU can be told from its client's in the same JVM. */
    private static final String THREAD_NAME = "handshake-only";
    /** Picks the server's threads out by their /proc name ({@link certrenewal.benchmark.measure.ThreadCpu}). */
    public static final Predicate<String> THREADS = name -> name.startsWith(THREAD_NAME);

    private static final byte[] BODY = "handshake only\n".getBytes(StandardCharsets.US_ASCII);

    private final EventLoopGroup group;
    private final Channel channel;

    private HandshakeOnlyServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /**
     * @param server the app's server key and certificate
     * @param clientCa the only issuer of client certificates accepted
     */
    public static HandshakeOnlyServer start(ServerTlsKey server, X509Certificate clientCa) {
        if (!OpenSsl.isAvailable()) {
            throw new IllegalStateException("BoringSSL (netty-tcnative) is not available", OpenSsl.unavailabilityCause());
        }
        SslContext ssl;
        try {
            ssl = SslContextBuilder.forServer(server.key(), server.certificate()).sslProvider(SslProvider.OPENSSL)
                    .clientAuth(ClientAuth.REQUIRE).trustManager(clientCa).build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot set up BoringSSL", e);
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(new DefaultThreadFactory(THREAD_NAME, true),
                NioIoHandler.newFactory());
        try {
            Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc()), new HttpServerCodec(),
                                    new HttpObjectAggregator(64 * 1024), new FixedAnswer());
                        }
                    }).bind("127.0.0.1", 0).sync().channel();
            return new HandshakeOnlyServer(group, channel);
        } catch (InterruptedException e) {
            group.shutdownGracefully();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully().syncUninterruptibly();
    }

    /** 200 with a fixed body to any request, then the connection closes (as the client asks). */
    private static final class FixedAnswer extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(BODY));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
