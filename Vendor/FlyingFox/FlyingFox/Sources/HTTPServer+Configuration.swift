//
//  HTTPServer+Configuration.swift
//  FlyingFox
//
//  Created by Simon Whitty on 06/08/2024.
//  Copyright © 2024 Simon Whitty. All rights reserved.
//
//  Distributed under the permissive MIT license
//  Get the latest version from here:
//
//  https://github.com/swhitty/FlyingFox
//
//  Permission is hereby granted, free of charge, to any person obtaining a copy
//  of this software and associated documentation files (the "Software"), to deal
//  in the Software without restriction, including without limitation the rights
//  to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
//  copies of the Software, and to permit persons to whom the Software is
//  furnished to do so, subject to the following conditions:
//
//  The above copyright notice and this permission notice shall be included in all
//  copies or substantial portions of the Software.
//
//  THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
//  IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
//  FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
//  AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
//  LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
//  OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
//  SOFTWARE.
//

import Foundation
import FlyingSocks

public extension HTTPServer {

    struct Configuration: Sendable {
        public var address: any SocketAddress
        public var timeout: TimeInterval
        public var sharedRequestBufferSize: Int
        public var sharedRequestReplaySize: Int
        public var pool: any AsyncSocketPool
        public var logger: any Logging
        public var limits: Limits

        public init(address: some SocketAddress,
                    timeout: TimeInterval = 15,
                    sharedRequestBufferSize: Int = 4_096,
                    sharedRequestReplaySize: Int = 2_097_152,
                    pool: any AsyncSocketPool = HTTPServer.defaultPool(),
                    logger: any Logging = HTTPServer.defaultLogger(),
                    limits: Limits = Limits()) {
            self.address = address
            self.timeout = timeout
            self.sharedRequestBufferSize = sharedRequestBufferSize
            self.sharedRequestReplaySize = sharedRequestReplaySize
            self.pool = pool
            self.logger = logger
            self.limits = limits
        }
    }

    /// What one client may ask of the server. A request beyond a size limit is answered with
    /// its status code (414, 431, 413, 411) and the connection is closed; a connection beyond
    /// `maxConnections` is closed as soon as it is accepted; a connection that has not sent a
    /// whole request head within `requestHeadTimeout` is closed.
    struct Limits: Sendable {
        /// Bytes of the request line, its line ending included; beyond it: 414 URI Too Long.
        public var maxRequestLineBytes: Int
        /// Bytes of all header lines together, line endings included; beyond it: 431.
        public var maxHeaderBytes: Int
        /// Header lines; beyond it: 431 Request Header Fields Too Large.
        public var maxHeaderCount: Int
        /// The largest Content-Length accepted (413 beyond it). When it is not `Int.max`, a
        /// chunked body, whose length is not known in advance, is refused with 411 Length Required.
        public var maxBodyBytes: Int
        /// Seconds from when the server starts waiting for a request (after the previous one on
        /// a kept-alive connection) until its head, and a body of up to `sharedRequestBufferSize`
        /// bytes, have arrived: bounds idle and trickling connections alike. `nil`: no limit.
        public var requestHeadTimeout: TimeInterval?
        /// Connections served at once.
        public var maxConnections: Int

        public init(maxRequestLineBytes: Int = 8_192,
                    maxHeaderBytes: Int = 65_536,
                    maxHeaderCount: Int = 100,
                    maxBodyBytes: Int = .max,
                    requestHeadTimeout: TimeInterval? = nil,
                    maxConnections: Int = .max) {
            self.maxRequestLineBytes = maxRequestLineBytes
            self.maxHeaderBytes = maxHeaderBytes
            self.maxHeaderCount = maxHeaderCount
            self.maxBodyBytes = maxBodyBytes
            self.requestHeadTimeout = requestHeadTimeout
            self.maxConnections = maxConnections
        }
    }
}

extension HTTPServer.Configuration {

    init(port: UInt16,
         timeout: TimeInterval = 15,
         logger: any Logging = HTTPServer.defaultLogger()
    ) {
#if canImport(WinSDK)
        let address = sockaddr_in.inet(port: port)
#else
        let address = sockaddr_in6.inet6(port: port)
#endif
        self.init(
            address: address,
            timeout: timeout,
            logger: logger
        )
    }
}
