import Testing
import GovTopCore

/// Payloads the decoder must refuse, each with a message that says what and where.
@Suite struct OTLPJSONErrorTests {
    @Test(arguments: [
        (#"{"resourceSpans":[}"#, "malformed JSON: expected a value, found '}' at byte 18 (line 1, column 19)"),
        (#"{"resourceSpans" []}"#, "malformed JSON: expected ':' after an object key, found '[' at byte 17 (line 1, column 18)"),
        (#"{"resourceSpans":[] "x":1}"#, "malformed JSON: expected ',' or '}' after an object member, found '\"' at byte 20 (line 1, column 21)"),
        (#"{"resourceSpans":[],}"#, "malformed JSON: trailing comma before '}' at byte 20 (line 1, column 21)"),
        (#"{"a":[1,]}"#, "malformed JSON: trailing comma before ']' at byte 8 (line 1, column 9)"),
        (#"{"a":[1 2]}"#, "malformed JSON: expected ',' or ']' after an array element, found '2' at byte 8 (line 1, column 9)"),
        (#"{a:1}"#, "malformed JSON: expected a quoted object key, found 'a' at byte 1 (line 1, column 2)"),
        (#"{"a":tru}"#, "malformed JSON: invalid literal, expected 'true' at byte 5 (line 1, column 6)"),
        (#"{"a":01}"#, "malformed JSON: leading zero in number at byte 5 (line 1, column 6)"),
        (#"{"a":1.}"#, "malformed JSON: expected a digit after '.' in number, found '}' at byte 7 (line 1, column 8)"),
        (#"{"a":-}"#, "malformed JSON: expected a digit in number, found '}' at byte 6 (line 1, column 7)"),
        (#"{"a":1e+}"#, "malformed JSON: expected a digit in exponent, found '}' at byte 8 (line 1, column 9)"),
        (#"{"a":'x'}"#, "malformed JSON: expected a value, found ''' at byte 5 (line 1, column 6)"),
        (#"{"a":"x"#, "malformed JSON: unterminated string starting at byte 5 (line 1, column 6)"),
        (#"{"a":"\x"}"#, #"malformed JSON: invalid escape sequence, '\' followed by 'x' at byte 6 (line 1, column 7)"#),
        (#"{"a":"\u12"}"#, #"malformed JSON: \u escape needs four hex digits at byte 6 (line 1, column 7)"#),
        (#"{"a":"\ud800"}"#, #"malformed JSON: high surrogate \uD800 not followed by a low surrogate at byte 6 (line 1, column 7)"#),
        (#"{"a":"\ud800\u0041"}"#, #"malformed JSON: high surrogate \uD800 not followed by a low surrogate at byte 6 (line 1, column 7)"#),
        (#"{"a":"\udc00"}"#, #"malformed JSON: unpaired low surrogate \uDC00 in a string at byte 6 (line 1, column 7)"#),
        ("{\"a\":\"tab\there\"}", "malformed JSON: unescaped control character 0x9 in a string at byte 9 (line 1, column 10)"),
        ("{\n  \"resourceSpans\": [\n    {\"scopeSpans\": [}]\n  ]\n}", "malformed JSON: expected a value, found '}' at byte 43 (line 3, column 21)"),
        (#"{"a":1"#, "malformed JSON: unterminated object, found end of input at byte 6 (line 1, column 7)"),
        (#"{"a":[1"#, "malformed JSON: unterminated array, found end of input at byte 7 (line 1, column 8)"),
        ("", "malformed JSON: expected a value, found end of input at byte 0 (line 1, column 1)"),
        ("   \n ", "malformed JSON: expected a value, found end of input at byte 5 (line 2, column 2)"),
    ])
    func malformedJSONNamesThePosition(text: String, message: String) {
        #expect(jsonDecodeFailure(text) == message)
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(jsonDecodeFailure("{\"é中😀\" 1}") == "malformed JSON: expected ':' after an object key, found '1' at byte 13 (line 1, column 8)")
    }

    @Test(arguments: [
        (#"{"resourceSpans":[]} x"#, "malformed JSON: unexpected 'x' after the end of the top-level value at byte 21 (line 1, column 22)"),
        (#"{"resourceSpans":[]}{}"#, "malformed JSON: unexpected '{' after the end of the top-level value at byte 20 (line 1, column 21)"),
        ("{}\u{0}", "malformed JSON: unexpected byte 0x0 after the end of the top-level value at byte 2 (line 1, column 3)"),
    ])
    func trailingGarbage(text: String, message: String) {
        #expect(jsonDecodeFailure(text) == message)
    }

    @Test func whitespaceAndByteOrderMarkAroundTheValueAreFine() throws {
        #expect(try decodeJSONTraces(" \n\t{ \"resourceSpans\" : [ ] }\r\n ") == TraceBatch())
        #expect(try OTLPJSONDecoder.decodeTraces([0xEF, 0xBB, 0xBF] + Array("{}".utf8)) == TraceBatch())
    }

    @Test(arguments: [
        ("[]", "an array"), ("\"x\"", "a string"), ("42", "a number"), ("true", "a boolean"), ("null", "null"),
    ])
    func topLevelMustBeAnObject(text: String, found: String) {
        #expect(jsonDecodeFailure(text) == "OTLP/JSON payload must be a JSON object, found \(found) at byte 0 (line 1, column 1)")
        #expect(throws: OTLPDecodeError.self) { try OTLPJSONDecoder.decodeLogs(Array(text.utf8)) }
        #expect(throws: OTLPDecodeError.self) { try OTLPJSONDecoder.decodeMetrics(Array(text.utf8)) }
    }

    @Test(arguments: [
        (#"{"resourceSpans":{}}"#, "field 'resourceSpans' of ExportTraceServiceRequest must be an array, found an object"),
        (#"{"resourceSpans":[1]}"#, "ResourceSpans must be a JSON object, found a number"),
        (#"{"resourceSpans":[{"resource":[]}]}"#, "Resource must be a JSON object, found an array"),
        (#"{"resourceSpans":[{"schemaUrl":1}]}"#, "field 'schemaUrl' of ResourceSpans must be a string, found a number"),
        (#"{"resourceSpans":[{"scopeSpans":[{"scope":{"name":true}}]}]}"#, "field 'name' of InstrumentationScope must be a string, found a boolean"),
        (#"{"resourceSpans":[{"scopeSpans":[{"spans":"no"}]}]}"#, "field 'spans' of ScopeSpans must be an array, found a string"),
    ])
    func wrongTypesForKnownFieldsInTheEnvelope(text: String, message: String) {
        #expect(jsonDecodeFailure(text)?.hasPrefix(message + " at byte ") == true, "\(jsonDecodeFailure(text) ?? "no error")")
    }

    @Test(arguments: [
        (#","traceId":123"#, "field 'traceId' of Span must be a hex string, found a number"),
        (#","name":["x"]"#, "field 'name' of Span must be a string, found an array"),
        (#","kind":true"#, "field 'kind' of Span must be an integer or an enum name, found a boolean"),
        (#","kind":1.5"#, "field 'kind' of Span must be an integer, found a fraction"),
        (#","startTimeUnixNano":"soon""#, "field 'startTimeUnixNano' of Span must be an integer, found a string that is not a number"),
        (#","startTimeUnixNano":" 1""#, "field 'startTimeUnixNano' of Span must be an integer, found a string that is not a number"),
        (#","startTimeUnixNano":-1"#, "field 'startTimeUnixNano' of Span must not be negative"),
        (#","startTimeUnixNano":1.5"#, "field 'startTimeUnixNano' of Span must be an integer, found a fraction"),
        (#","endTimeUnixNano":{}"#, "field 'endTimeUnixNano' of Span must be an integer (number or decimal string), found an object"),
        (#","droppedAttributesCount":4294967296"#, "field 'droppedAttributesCount' of Span is out of range for a 32-bit unsigned integer"),
        (#","flags":-1"#, "field 'flags' of Span must not be negative"),
        (#","attributes":{}"#, "field 'attributes' of Span must be an array, found an object"),
        (#","attributes":[{"key":1}]"#, "field 'key' of KeyValue must be a string, found a number"),
        (#","attributes":[{"key":"k","value":"v"}]"#, "AnyValue must be a JSON object, found a string"),
        (#","events":[{"timeUnixNano":true}]"#, "field 'timeUnixNano' of Event must be an integer (number or decimal string), found a boolean"),
        (#","links":[{"spanId":7}]"#, "field 'spanId' of Link must be a hex string, found a number"),
        (#","status":{"code":{}}"#, "field 'code' of Status must be an integer or an enum name, found an object"),
        (#","status":{"message":0}"#, "field 'message' of Status must be a string, found a number"),
        (#","status":"ok""#, "Status must be a JSON object, found a string"),
    ])
    func wrongTypesForKnownSpanFields(member: String, message: String) {
        let failure = jsonDecodeFailure(jsonRequest(span: jsonSpan(member)))
        #expect(failure?.hasPrefix(message + " at byte ") == true, "\(failure ?? "no error")")
    }

    @Test(arguments: [
        (#"{"stringValue":1}"#, "field 'stringValue' of AnyValue must be a string, found a number"),
        (#"{"boolValue":"true"}"#, "field 'boolValue' of AnyValue must be true or false, found a string"),
        (#"{"intValue":true}"#, "field 'intValue' of AnyValue must be an integer (number or decimal string), found a boolean"),
        (#"{"intValue":"1.5"}"#, "field 'intValue' of AnyValue must be an integer, found a fraction"),
        (#"{"intValue":"0x10"}"#, "field 'intValue' of AnyValue must be an integer, found a string that is not a number"),
        (#"{"doubleValue":"nan"}"#, "field 'doubleValue' of AnyValue must be a number, \"NaN\", \"Infinity\" or \"-Infinity\""),
        (#"{"doubleValue":"1.5 "}"#, "field 'doubleValue' of AnyValue must be a number, \"NaN\", \"Infinity\" or \"-Infinity\""),
        (#"{"doubleValue":[]}"#, "field 'doubleValue' of AnyValue must be a number, found an array"),
        (#"{"bytesValue":"AQI$"}"#, "field 'bytesValue' of AnyValue is not valid base64"),
        (#"{"bytesValue":"A"}"#, "field 'bytesValue' of AnyValue is not valid base64"),
        (#"{"bytesValue":"AQ="}"#, "field 'bytesValue' of AnyValue is not valid base64"),
        (#"{"bytesValue":"A==="}"#, "field 'bytesValue' of AnyValue is not valid base64"),
        (#"{"bytesValue":7}"#, "field 'bytesValue' of AnyValue must be a base64 string, found a number"),
        (#"{"arrayValue":[]}"#, "ArrayValue must be a JSON object, found an array"),
        (#"{"arrayValue":{"values":{}}}"#, "field 'values' of ArrayValue must be an array, found an object"),
        (#"{"kvlistValue":{"values":[1]}}"#, "KeyValue must be a JSON object, found a number"),
        (#"{"stringValue":"a","intValue":1}"#, "AnyValue has more than one value (the first one is at byte 176 (line 1, column 177))"),
    ])
    func wrongAnyValues(value: String, message: String) {
        let failure = jsonDecodeFailure(jsonRequest(attributeValue: value))
        #expect(failure?.hasPrefix(message + " at byte ") == true, "\(failure ?? "no error")")
    }

    @Test(arguments: [
        (#"{"intValue":"9223372036854775808"}"#, "field 'intValue' of AnyValue is out of range for a 64-bit integer"),
        (#"{"intValue":-9223372036854775809}"#, "field 'intValue' of AnyValue is out of range for a 64-bit integer"),
        (#"{"intValue":1e19}"#, "field 'intValue' of AnyValue is out of range for a 64-bit integer"),
        (#"{"intValue":"123456789012345678901234567890"}"#, "field 'intValue' of AnyValue is out of range"),
        (#"{"intValue":1e1000000000000}"#, "field 'intValue' of AnyValue is out of range"),
        (#"{"doubleValue":1e309}"#, "field 'doubleValue' of AnyValue is out of range for a double"),
        (#"{"doubleValue":-1e400}"#, "field 'doubleValue' of AnyValue is out of range for a double"),
    ])
    func hugeNumbersAreOutOfRange(value: String, message: String) {
        let failure = jsonDecodeFailure(jsonRequest(attributeValue: value))
        #expect(failure?.hasPrefix(message + " at byte ") == true, "\(failure ?? "no error")")
    }

    @Test func hugeTimestampsAreOutOfRange() {
        let failure = jsonDecodeFailure(jsonRequest(span: jsonSpan(#","endTimeUnixNano":"18446744073709551616""#)))
        #expect(failure?.hasPrefix("field 'endTimeUnixNano' of Span is out of range at byte ") == true, "\(failure ?? "no error")")
    }

    @Test func tinyDoublesUnderflowToZeroAndLongNumbersInUnknownFieldsAreSkipped() throws {
        let digits = String(repeating: "9", count: 100_000)
        let batch = try decodeJSONTraces(jsonRequest(span: jsonSpan(#","future":"# + digits + #","attributes":[{"key":"k","value":{"doubleValue":1e-400}}]"#)))
        #expect(JSONFixtures.spans(batch).first?.attributes == [Attribute("k", .double(0))])
    }
}
