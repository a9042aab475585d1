package org.pmpledger.command.access;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import org.pmpledger.web.Caller;

/**
 * Every command on the command bus passes here before its handler: what it names itself is decided
 * ({@link CommandAccess#beforeHandling}); what only its plan knows is decided by the plan's interceptor.
 */
@Component
public class CommandAuthorization implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** Registered on the service's command bus. */
    CommandAuthorization(CommandBus commands) {
        commands.registerHandlerInterceptor(this);
    }

    /** For a test fixture, which registers it itself. */
    public static CommandAuthorization unregistered() {
        return new CommandAuthorization();
    }

    private CommandAuthorization() {}

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        CommandAccess.beforeHandling(command.getPayload(), Caller.fromMap(command.getMetaData()));
        return chain.proceed();
    }
}
