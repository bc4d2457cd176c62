package dev.kpp.importer.codec;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.parser.ParserImpl;

import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * Jackson's YAML factory with SnakeYAML's character reader replaced by {@link LinearStreamReader}:
 * scanning is linear in the input and the string limit holds while a scalar is scanned, not after
 * it was built.
 */
final class BoundedYamlFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;
    private final int maxString;

    BoundedYamlFactory(YAMLFactoryBuilder b, int maxString) {
        super(b);
        this.maxString = maxString;
    }

    private BoundedYamlFactory(BoundedYamlFactory src, ObjectCodec codec) {
        super(src, codec);
        this.maxString = src.maxString;
    }

    @Override
    public YAMLFactory copy() {
        return new BoundedYamlFactory(this, null);
    }

    @Override
    protected YAMLParser _createParser(InputStream in, IOContext ctxt) throws IOException {
        return parser(_createReader(in, null, ctxt), ctxt);
    }

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
        return parser(r, ctxt);
    }

    @Override
    protected YAMLParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable)
            throws IOException {
        return parser(new CharArrayReader(data, offset, len), ctxt);
    }

    @Override
    protected YAMLParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        return parser(_createReader(data, offset, len, null, ctxt), ctxt);
    }

    private YAMLParser parser(Reader r, IOContext ctxt) {
        return new Parser(ctxt, _parserFeatures, _yamlParserFeatures, _objectCodec, r, _loaderOptions, maxString);
    }

    /** A YAML parser over the linear reader. */
    private static final class Parser extends YAMLParser {
        Parser(IOContext ctxt, int parserFeatures, int formatFeatures, ObjectCodec codec, Reader reader,
               LoaderOptions options, int maxString) {
            super(ctxt, parserFeatures, formatFeatures, codec, reader, new ParserImpl(
                    new LinearStreamReader(_constrainedReader(ctxt, reader), maxString),
                    options == null ? new LoaderOptions() : options));
        }
    }
}
